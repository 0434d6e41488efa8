from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.models import BaseViewRestriction


# Before Wagtail's own check, which would send a signed-in person outside the collection's groups to the
# login page, and the login page straight back to the document: a loop instead of an answer.
@hooks.register("before_serve_document", order=-1)
def refuse_signed_in_people_outside_the_collections_groups(document, request):
    if not request.user.is_authenticated:
        return None
    for restriction in document.collection.get_view_restrictions():
        if restriction.restriction_type != BaseViewRestriction.PASSWORD and not restriction.accept_request(request):
            raise PermissionDenied
    return None
