"""Read a plan file from disk: the YAML reader and the schema gate, imported only when needed."""

from dataclasses import replace
from pathlib import Path

from backex.catalogue.loader import Catalogue
from backex.prescription.model import Prescription


def load_prescription(path: Path, catalogue: Catalogue) -> Prescription:
    """Read and validate the plan file at ``path`` against ``catalogue``; cached when valid.

    Raises :class:`~backex.errors.CatalogueError` with one located line per problem.
    """
    from backex.prescription import cache

    key = cache.cache_key(path, catalogue)
    if key is not None:
        cached = cache.read(path, key)
        if cached is not None:
            return replace(cached, source=str(path))
    # Imported here: YAML and pydantic cost start-up time that a cache hit skips.
    from backex.catalogue.yamlfile import read_yaml
    from backex.prescription.schema import parse_prescription

    prescription = parse_prescription(read_yaml(path), catalogue)
    if key is not None:
        cache.write(path, key, prescription)
    return prescription
