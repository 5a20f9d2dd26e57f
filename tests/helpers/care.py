"""A remembered care profile for tests: the first-run and McKenzie screens answered."""

from datetime import datetime, timedelta

from backex.care import mckenzie, screening
from backex.care.profile import Profile, save_profile


def screened(
    now: datetime | None = None, yes: tuple[str, ...] = (), emergency: str | None = None
) -> Profile:
    """Save a profile: first-run answers "no" except ``yes``; a passing McKenzie screen."""
    at = now or datetime.now().astimezone().replace(microsecond=0) - timedelta(minutes=1)
    profile = Profile(
        emergency_number=emergency,
        screening={q.key: q.key in yes for q in screening.QUESTIONS},
        mckenzie={q.key: q.suits_if for q in mckenzie.SCREEN_QUESTIONS},
        mckenzie_at=at.isoformat(),
    )
    save_profile(profile)
    return profile
