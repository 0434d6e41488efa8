from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevtoolsConfig(AppConfig):
    """Demo content, the large benchmark data set, benchmarks and the search evaluation.

    Installed by the development and test settings only: production never has these commands,
    which fill a database with made-up people and known passwords.
    """

    name = "devtools"
    verbose_name = _("Developer tools")
