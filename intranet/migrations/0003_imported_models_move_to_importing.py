"""ImportedPage and ImportedThread now belong to the importing app; their tables and rows stay where they are.

Only Django's idea of the models changes here; importing's first migration takes them over.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("intranet", "0002_imported_thread"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ImportedPage"),
                migrations.DeleteModel(name="ImportedThread"),
            ],
        ),
    ]
