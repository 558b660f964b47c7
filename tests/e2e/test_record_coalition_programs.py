"""Recording by hand in a real browser, in Arabic: an invitation from a state's page and a police
course from the programs' dashboard, choosing states, bodies and the pledge of trainers with the
pickers by typing Arabic spellings and the keyboard."""

import re

import pytest

from marsad.coalition.models import Invitation, InvitationStatus, Pledge
from marsad.programs.models import Course

from .test_forms import choose, log_in

# Records through the pages: runs again on the second database (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.writes]


def test_an_invitation_is_recorded_through_the_arabic_form(tab):
    page = log_in(tab)
    tab.open("/coalition/states/FRA/")
    page.click("#record-invitation")
    page.wait_for_url("**/coalition/invitations/new/?invitee=FRA")
    assert page.get_attribute("html", "dir") == "rtl"
    choose(page, "inviter", "الولايات المتحدة", "USA")
    assert page.input_value("[data-field='invitee'] input[type=hidden]") == "FRA"
    page.select_option("#id_role", "member")
    page.select_option("#id_state", "delivered")
    tab.set_date("#id_on", "2026-02-03")
    page.fill("#id_note", "سُلّمت عبر السفارة في باريس")
    page.select_option("#id_marking", "public")
    page.click("#save-record")
    page.wait_for_url("**/coalition/states/FRA/#invitations")
    invitation = Invitation.objects.latest("id")
    assert (invitation.inviter.key, invitation.invitee.key, invitation.role) == (
        "USA",
        "FRA",
        "member",
    )
    assert InvitationStatus.objects.get(invitation=invitation).state == "delivered"
    assert "سُلِّمت" in page.inner_text("#invitations")
    page.click("#invitations a.add-step")
    page.wait_for_url(f"**/coalition/invitations/{invitation.pk}/status/")
    page.select_option("#id_state", "accepted")
    tab.set_date("#id_on", "2026-02-20")
    page.click("#save-record")
    page.wait_for_url("**/coalition/states/FRA/#invitations")
    assert InvitationStatus.objects.filter(invitation=invitation, state="accepted").exists()
    assert tab.errors == []
    assert tab.outside_requests() == []


def test_a_police_course_is_recorded_through_the_arabic_form(tab):
    page = log_in(tab)
    tab.open("/programs/")
    page.click("#record-course")
    page.wait_for_url("**/programs/courses/new/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill("#id_name_ar", "دورة الشرطة في عمّان")
    page.fill("#id_location_ar", "عمّان")
    choose(page, "trainer_nations", "الاردن", "JOR")  # written without the hamza of الأردن
    pledge = Pledge.objects.get(nation__key="JOR", kind="police_trainers", marking="public")
    choose(page, "pledge", "الاردن", str(pledge.pk))
    tab.set_date("#id_starts", "2026-12-01")
    page.fill("#id_target_trainees", "٢٥٠")
    page.select_option("#id_marking", "public")
    page.click("#save-record")
    page.wait_for_url(re.compile(r".*/programs/courses/\d+/$"))
    course = Course.objects.latest("id")
    assert (course.name_ar, course.pledge_id, course.target_trainees) == (
        "دورة الشرطة في عمّان",
        pledge.pk,
        250,
    )
    assert [n.key for n in course.trainer_nations.all()] == ["JOR"]
    assert tab.errors == []
    assert tab.outside_requests() == []
