"""What backex remembers about the person's care: a small JSON file in the data folder.

``paths.data_dir() / "profile.json"`` holds the emergency number (chosen once), the
first-run answers (:mod:`backex.care.screening`), the McKenzie screen
(:mod:`backex.care.mckenzie`) with when it was answered, a pending full red-flag re-check
(after "spreading" or a red light), and the next-morning answers by session id.
"""

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path

from backex import paths
from backex.errors import BackexError

PROFILE_FILE = "profile.json"
PROFILE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Profile:
    emergency_number: str | None = None
    screening: dict[str, bool] | None = None  # None: never asked
    mckenzie: dict[str, bool] | None = None
    mckenzie_at: str | None = None  # ISO time of the McKenzie screen
    recheck_red_flags: bool = False
    morning: dict[str, bool] = field(default_factory=dict)  # session id -> settled?

    @property
    def mckenzie_answered_at(self) -> datetime | None:
        """When the McKenzie screen was answered."""
        return datetime.fromisoformat(self.mckenzie_at) if self.mckenzie_at else None


def profile_path() -> Path:
    """Where the profile lives."""
    return paths.data_dir() / PROFILE_FILE


def _bools(value: object, name: str) -> dict[str, bool] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, bool) for k, v in value.items()
    ):
        raise ValueError(f"{name} must map names to true/false")
    return dict(value)


def parse_profile(text: str) -> Profile:
    """Parse the file's text; ValueError when it is not ours."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("version") != PROFILE_VERSION:
        raise ValueError("not a backex profile of a known version")
    number = data.get("emergency_number")
    at = data.get("mckenzie_at")
    if number is not None and not isinstance(number, str):
        raise ValueError("emergency_number must be text")
    if at is not None:
        datetime.fromisoformat(str(at))
    return Profile(
        emergency_number=number,
        screening=_bools(data.get("screening"), "screening"),
        mckenzie=_bools(data.get("mckenzie"), "mckenzie"),
        mckenzie_at=at,
        recheck_red_flags=bool(data.get("recheck_red_flags", False)),
        morning=_bools(data.get("morning", {}), "morning") or {},
    )


def load_profile(path: Path | None = None) -> Profile:
    """The remembered profile; a missing file is empty. Unreadable: BackexError saying where."""
    path = path or profile_path()
    try:
        return parse_profile(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Profile()
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BackexError(
            f"could not read {path}: {exc}; move it aside and backex will ask again"
        ) from None


def save_profile(profile: Profile, path: Path | None = None) -> None:
    """Write atomically (a temporary file renamed over the old one)."""
    path = path or profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".profile-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"version": PROFILE_VERSION, **asdict(profile)}, handle, indent=2)
            handle.write("\n")
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update_profile(path: Path | None = None, **changes: object) -> Profile:
    """Load, change the given fields, save; the new profile."""
    profile = replace(load_profile(path), **changes)  # type: ignore[arg-type]  # dataclass fields
    save_profile(profile, path)
    return profile
