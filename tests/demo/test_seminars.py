import pytest
from django.core.management import call_command

from seminars.models import Registration, Session

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("seeded_demo")
class TestDemoSessions:
    def test_an_on_site_and_an_online_session_with_the_demo_trainer(self):
        kinds = set(Session.objects.values_list("kind", flat=True))
        assert kinds == {Session.Kind.ON_SITE, Session.Kind.ONLINE}
        for session in Session.objects.select_related("trainer"):
            session.full_clean()
            assert session.trainer.email == "trainer@sensi.example"
            assert session.trainer.has_perm("seminars.take_attendance")
        assert Registration.objects.filter(user__email="beschaeftigte@sensi.example").exists()

    def test_seeding_again_adds_no_sessions(self):
        before = Session.objects.count()
        call_command("seed_demo", allow_demo_accounts=True, verbosity=0)
        assert Session.objects.count() == before
