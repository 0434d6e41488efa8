from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.models import BaseViewRestriction


def refuse_signed_in_outsiders(restrictions, request):
    """403 for a signed-in person whom a group restriction keeps out.

    Runs before Wagtail's own check, which would send them to the login page, and the login page
    straight back here, as they are signed in already: a loop instead of an answer.
    """
    if request.user.is_authenticated and any(
        restriction.restriction_type != BaseViewRestriction.PASSWORD and not restriction.accept_request(request)
        for restriction in restrictions
    ):
        raise PermissionDenied


@hooks.register("before_serve_document", order=-1)
def refuse_outsiders_of_the_documents_collection(document, request):
    refuse_signed_in_outsiders(document.collection.get_view_restrictions(), request)


@hooks.register("before_serve_page", order=-1)
def refuse_outsiders_of_the_page(page, request, serve_args, serve_kwargs):
    refuse_signed_in_outsiders(page.get_view_restrictions(), request)
