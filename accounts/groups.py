"""The signed-in user's group names, looked up once per request.

Several parts of one page ask about groups (the report navigation, the trainer's link on
"Meine Schulungen"); `request.user` is one object for the whole request, so the answer is
kept on it and costs one query per request, not one per question."""


def group_names(user) -> frozenset[str]:
    """The names of every group of `user` (empty for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_sensi_group_names"):
        user._sensi_group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._sensi_group_names


def may_use_admin(user) -> bool:
    """Whether the site shows the "Editing" link and Wagtail's user bar. Wagtail grants
    admin access through groups, so a person without a group (every learner) is not asked
    for permissions: that saves two queries on each of their pages."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return bool(group_names(user)) and user.has_perm("wagtailadmin.access_admin")
