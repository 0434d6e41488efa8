"""`manage.py search_eval`: how well the one search finds what the relevance set's queries mean.

Run it through `make search-eval`, which imports the project's relevance set (tests/search/relevance/)
into a throwaway database.
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from devtools import search_evaluation as evaluation
from importing.services import ImportFailed, import_content
from search import vocabulary

QUERY_WIDTH = 44


class Command(BaseCommand):
    @property
    def help(self):
        # A property, so that argparse gets a plain string in the language of the moment.
        return _(
            "Run the judged queries of the relevance set through the search, with and without the thesaurus, "
            "and print recall@5 and MRR. Fails when recall@5 with the thesaurus is below %(floor).2f."
        ) % {"floor": evaluation.RECALL_FLOOR}

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus",
            nargs="+",
            required=True,
            metavar="DIR_OR_FILE",
            help=_("Corpus files in the import format, or folders of them (the project's: tests/search/relevance/)."),
        )
        parser.add_argument(
            "--queries", metavar="FILE", help=_("The judged queries (default: queries.json beside the corpus).")
        )
        parser.add_argument(
            "--import",
            dest="import_corpus",
            action="store_true",
            help=_("Import the corpus files first, in order. Meant for a throwaway database."),
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help=_("Show the first five results of every query and the relevant items they missed."),
        )

    def handle(self, *args, corpus, queries=None, import_corpus=False, verbose=False, **options):
        files = evaluation.corpus_files(corpus)
        try:
            query_set = evaluation.load_queries(queries or evaluation.queries_file(corpus))
            titles = evaluation.corpus_items(files)
        except evaluation.RelevanceSetError as error:
            self.stop_on(error.problems)
        except ImportFailed as failure:
            self.stop_on(failure.errors)
        self.stop_on(evaluation.check(query_set, titles))
        if import_corpus:
            self.import_files(files, verbose)
        # "Did you mean" and compound splitting read the index's own words: count them as they are now.
        vocabulary.refresh()
        try:
            runs = evaluation.run_all(query_set)
        except evaluation.RelevanceSetError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(_("Import the corpus first, for example with --import.")) from None
        with_thesaurus = runs.with_thesaurus
        self.print_table(with_thesaurus, runs.without_thesaurus, titles if verbose else None)
        if verbose:
            self.print_run(_("With a typo in the longest word"), runs.typo, titles)
            self.print_run(_("In English"), runs.english, titles)
        self.print_summary(runs)
        if with_thesaurus.recall < evaluation.RECALL_FLOOR:
            raise CommandError(
                _("recall@5 with the thesaurus is %(recall).2f, below %(floor).2f.")
                % {"recall": with_thesaurus.recall, "floor": evaluation.RECALL_FLOOR}
            )

    def stop_on(self, problems):
        if not problems:
            return
        for problem in problems:
            self.stderr.write(problem)
        raise CommandError(
            ngettext(
                "%(count)d problem with the relevance set.", "%(count)d problems with the relevance set.", len(problems)
            )
            % {"count": len(problems)}
        )

    def import_files(self, files, verbose):
        for path in files:
            try:
                report = import_content(path, out=self.stdout.write if verbose else None)
            except ImportFailed as failure:
                self.stderr.write(_("%(file)s could not be imported:") % {"file": path})
                self.stop_on(failure.errors)
            for warning in report.warnings:
                self.stderr.write(self.style.WARNING(_("Warning: %(message)s") % {"message": warning}))
            self.stdout.write(_("Imported %(file)s.") % {"file": os.path.relpath(path)})

    def print_table(self, with_thesaurus, without_thesaurus, titles=None):
        """One row per query; with `titles` (the corpus items' titles) also its first results and misses."""
        self.stdout.write(
            _("Search relevance on %(vendor)s: %(count)d queries")
            % {"vendor": connection.vendor, "count": len(with_thesaurus.results)}
        )
        self.stdout.write("")
        # Labels outside the f-string, where xgettext finds them.
        query, with_label, without_label = _("query"), _("with thesaurus"), _("without thesaurus")
        self.stdout.write(
            f"{query:<{QUERY_WIDTH}} {with_label:>21}   {without_label:>21}\n"
            f"{'':<{QUERY_WIDTH}} {'recall@5':>10} {'RR':>10}   {'recall@5':>10} {'RR':>10}"
        )
        for result, plain in zip(with_thesaurus.results, without_thesaurus.results, strict=True):
            text = result.query.text
            if len(text) > QUERY_WIDTH:
                text = text[: QUERY_WIDTH - 1] + "…"
            self.stdout.write(
                f"{text:<{QUERY_WIDTH}} {result.recall:>10.2f} {result.reciprocal_rank:>10.2f}"
                f"   {plain.recall:>10.2f} {plain.reciprocal_rank:>10.2f}"
            )
            if titles is not None:
                self.print_details(result, titles)
        self.stdout.write("")

    def print_details(self, result, titles):
        if result.query.about:
            self.stdout.write(f"    ({result.query.about})")
        for rank, ranked in enumerate(result.ranked[: evaluation.CUTOFF], start=1):
            self.stdout.write(f"    {rank}. {'✓' if ranked.relevant else '✗'} {ranked.title} ({ranked.kind})")
        if not result.ranked:
            self.stdout.write("    " + _("no results"))
        for item in result.missed:
            self.stdout.write(
                "    "
                + _("missed: %(title)s (%(type)s %(id)s)")
                % {"title": titles.get(item, ""), "type": item.type, "id": item.id}
            )

    def print_run(self, title, run, titles):
        """One row per query of a typo or English run, with its first results and misses."""
        self.stdout.write(f"{title} ({len(run.results)})")
        for result in run.results:
            text, recall, rank = result.query.text, result.recall, result.reciprocal_rank
            self.stdout.write(f"{text:<{QUERY_WIDTH}} {recall:>10.2f} {rank:>10.2f}")
            self.print_details(result, titles)
        self.stdout.write("")

    def print_summary(self, runs):
        labelled = (
            (_("with thesaurus"), runs.with_thesaurus),
            (_("without thesaurus"), runs.without_thesaurus),
            (_("with a typo"), runs.typo),
            (_("in English"), runs.english),
        )
        for label, run in labelled:
            self.stdout.write(
                f"{label + ':':<24} recall@5: {run.recall:.2f}  MRR: {run.mrr:.2f}  "
                + ngettext("(%(count)d query)", "(%(count)d queries)", len(run.results)) % {"count": len(run.results)}
            )
        self.stdout.write(_("Database: %(vendor)s") % {"vendor": connection.vendor})
        self.stdout.write(
            _("Target: recall@5 ≥ %(recall).2f and MRR ≥ %(mrr).2f on both; below recall@5 %(floor).2f this fails.")
            % {"recall": evaluation.TARGET_RECALL, "mrr": evaluation.TARGET_MRR, "floor": evaluation.RECALL_FLOOR}
        )
