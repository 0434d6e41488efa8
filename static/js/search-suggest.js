/* Suggestions in the search boxes: titles and tags that start like the words typed.
   Progressive enhancement: without this script the box is an ordinary search field. */
(function () {
    "use strict";

    function enhance(field) {
        var suggestions = window.kunskapsforumSuggestions(field, {
            label: field.dataset.suggestLabel,
            countText: field.dataset.suggestCount,
            countOneText: field.dataset.suggestCountOne,
            noneText: field.dataset.suggestNone,
            className: "search-suggestions",
            place: function (list, status) {
                field.form.appendChild(list);
                field.form.appendChild(status);
            },
            render: function (suggestion) {
                var text = document.createDocumentFragment();
                var title = document.createElement("span");
                var kind = document.createElement("span");
                // Titles and tags are written in Swedish, also when the interface is not.
                title.textContent = suggestion.label;
                if (field.dataset.contentLang) {
                    title.lang = field.dataset.contentLang;
                }
                text.appendChild(title);
                text.appendChild(document.createTextNode(" "));
                kind.className = "search-suggestions__type";
                kind.textContent = "(" + suggestion.type_label + ")";
                text.appendChild(kind);
                return text;
            },
            choose: function (suggestion) { window.location.href = suggestion.url; }
        });

        field.addEventListener("input", function () {
            var text = field.value.trim();
            if (text.length < 2) {
                suggestions.cancel();
                return;
            }
            suggestions.fetchFor(field.dataset.suggestUrl, text, function (data) { return data.suggestions || []; });
        });
    }

    document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
}());
