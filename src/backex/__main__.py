"""Allow ``python -m backex``."""

from backex.cli import main

if __name__ == "__main__":
    main()
