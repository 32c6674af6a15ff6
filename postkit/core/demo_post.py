"""The demo post every feature's demo data belongs to, and the officer who keeps it."""

from __future__ import annotations

from postkit.core.profile import PostProfile

# A person's name, not "Demo user": it reads the same in a Dutch and an English interface.
DEMO_USER = "Sanne Visser"
DEMO_PROFILE = PostProfile("Embassy Nairobi", ("KE", "SO"), DEMO_USER)
