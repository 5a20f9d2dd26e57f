"""Read a plan file from disk: the YAML reader and the schema gate, imported only when needed."""

from pathlib import Path

from backex.catalogue.loader import Catalogue
from backex.prescription.model import Prescription


def load_prescription(path: Path, catalogue: Catalogue) -> Prescription:
    """Read and validate the plan file at ``path`` against ``catalogue``.

    Raises :class:`~backex.errors.CatalogueError` with one located line per problem.
    """
    # Imported here: YAML and pydantic cost start-up time that plan-less commands skip.
    from backex.catalogue.yamlfile import read_yaml
    from backex.prescription.schema import parse_prescription

    return parse_prescription(read_yaml(path), catalogue)
