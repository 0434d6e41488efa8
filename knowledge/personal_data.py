"""The knowledge bank's part of a person's data (accounts/rights.py): the pages they own, the versions they saved and
their comments in the page editor. Pages stay when the account closes (they are the municipalities' content), their
owner shown as "Tidigare medarbetare"; what follows a page in the admin for the person goes."""

from wagtail.models import Comment, Page, PageSubscription, Revision

from accounts.rights import iso


def export(person):
    return {
        "pages_owned": [
            {"id": page.pk, "title": page.title, "live": page.live, "created": iso(page.first_published_at)}
            for page in Page.objects.filter(owner=person).order_by("path")
        ],
        "page_revisions": [
            {
                "object": revision.object_str,
                "saved": iso(revision.created_at),
                "submitted": revision.submitted_for_moderation,
            }
            for revision in Revision.objects.filter(user=person).order_by("created_at", "pk")
        ],
        "page_comments": [
            {"page": comment.page_id, "text": comment.text, "written": iso(comment.created_at)}
            for comment in Comment.objects.filter(user=person).order_by("created_at", "pk")
        ],
    }


def remove(person, *, now):
    PageSubscription.objects.filter(user=person).delete()
