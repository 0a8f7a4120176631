"""Terminology: glossary loading and inflection-aware term matching."""
