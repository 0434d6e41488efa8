from django.urls import path

from . import feeds
from .views import bookmarks, lookup, notifications, people, posts, threads

app_name = "forum"

urlpatterns = [
    path("", threads.index, name="index"),
    path("ny/", threads.new_thread, name="new_thread"),
    path("markera-allt-som-last/", threads.mark_all_read, name="mark_all_read"),
    path("trad/<int:pk>/", threads.thread, name="thread"),
    path("trad/<int:pk>/olast/", threads.first_unread, name="first_unread"),
    path("trad/<int:pk>/svara/", posts.reply, name="reply"),
    path("trad/<int:pk>/folj/", threads.follow_thread, name="follow_thread"),
    path("trad/<int:pk>/spara/", bookmarks.bookmark_thread, name="bookmark_thread"),
    path("sida/<int:pk>/spara/", bookmarks.bookmark_page, name="bookmark_page"),
    path("sparat/", bookmarks.saved, name="saved"),
    path("inlagg/<int:pk>/redigera/", posts.edit_post, name="edit_post"),
    path("inlagg/<int:pk>/hjalpsamt/", posts.helpful, name="helpful"),
    path("inlagg/<int:pk>/svaret/", posts.accept_answer, name="accept_answer"),
    path("inlagg/<int:pk>/rapportera/", posts.report_post, name="report_post"),
    path("kategori/<slug:slug>/flode/", feeds.CategoryFeed(), name="category_feed"),
    path("kategori/<slug:slug>/folj/", posts.follow_category, name="follow_category"),
    path("tagg/<slug:slug>/folj/", posts.follow_tag, name="follow_tag"),
    path("notiser/", notifications.centre, name="notifications"),
    path("notiser/senaste/", notifications.latest, name="latest_notifications"),
    path("notiser/markera-lasta/", notifications.mark_read, name="mark_notifications_read"),
    path("notiser/<int:pk>/", notifications.open_notification, name="open_notification"),
    path("forslag/personer/", lookup.people, name="suggest_people"),
    path("forslag/taggar/", lookup.tags, name="suggest_tags"),
    path("personer/<int:pk>/", people.person, name="person"),
]
