"""Retire Wagtail's example workflow "Moderators approval".

Wagtail's migration 0048 made it for its example group "Moderators", which 0002 removed: a workflow no one can
approve, on every page outside the review's sections (articles, topics, the campaign month), named in English in
the Swedish admin ("Lämna in till Moderators approval"). Editors publish those pages themselves; the review
workflow "Granskning" (knowledge.services.ensure_review_workflow) stays where it is. A workflow of that name that
someone has given groups is left alone: then it is theirs.
"""

from django.db import migrations

EXAMPLE = "Moderators approval"
UNFINISHED = ["in_progress", "needs_changes"]


def retire(apps, schema_editor):
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    group_task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    for workflow in workflow_model.objects.filter(name=EXAMPLE, active=True):
        task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
        tasks = group_task_model.objects.filter(pk__in=task_ids)
        if tasks.filter(groups__isnull=False).exists() or len(task_ids) != tasks.count():
            continue
        states = apps.get_model("wagtailcore", "WorkflowState").objects.filter(workflow=workflow, status__in=UNFINISHED)
        apps.get_model("wagtailcore", "TaskState").objects.filter(
            workflow_state__in=states, status="in_progress"
        ).update(status="cancelled")
        states.update(status="cancelled", current_task_state=None)
        apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow=workflow).delete()
        apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(workflow=workflow).delete()
        apps.get_model("wagtailcore", "Task").objects.filter(pk__in=task_ids, name=EXAMPLE).update(active=False)
        workflow.active = False
        workflow.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_local_use_confirmation"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
