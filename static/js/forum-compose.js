/* Suggestions while writing: @mentions in the text and tags from the shared vocabulary.
   Progressive enhancement: without this script people type handles and tags by hand. */
(function () {
    "use strict";

    function suggester(field, source, findWord, replaceWord) {
        var form = field.form;
        var suggestions = window.kunskapsforumSuggestions(field, {
            label: form.dataset.suggestionsLabel,
            countText: form.dataset.suggestionsCount,
            tabChooses: true,
            place: function (list, status) {
                field.insertAdjacentElement("afterend", list);
                list.insertAdjacentElement("afterend", status);
            },
            render: function (result) { return result.label; },
            choose: function (result) {
                var word = findWord(field);
                if (word) {
                    replaceWord(field, word, result.value);
                }
                field.focus();
            }
        });

        field.addEventListener("input", function () {
            var word = findWord(field);
            if (!word || word.text.length < 2) {
                suggestions.cancel();
                return;
            }
            suggestions.fetchFor(source, word.text, function (data) { return (data.results || []).map(field.suggestionLabel); });
        });
    }

    function mentionBeforeCursor(field) {
        var before = field.value.slice(0, field.selectionStart);
        var match = /(^|\s)@([\w.\-]*)$/.exec(before);
        return match ? { text: match[2], start: before.length - match[2].length, end: before.length } : null;
    }

    function replaceMention(field, word, handle) {
        field.value = field.value.slice(0, word.start) + handle + " " + field.value.slice(word.end);
        field.selectionStart = field.selectionEnd = word.start + handle.length + 1;
    }

    function lastTag(field) {
        var start = field.value.lastIndexOf(",") + 1;
        var text = field.value.slice(start).trim();
        return { text: text, start: start, end: field.value.length };
    }

    function replaceTag(field, word, name) {
        field.value = field.value.slice(0, word.start) + (word.start ? " " : "") + name + ", ";
    }

    document.querySelectorAll("form[data-suggest-people]").forEach(function (form) {
        form.querySelectorAll("textarea[data-mentions]").forEach(function (field) {
            field.suggestionLabel = function (person) {
                return { label: person.name + (person.municipality ? ", " + person.municipality : "") + " (@" + person.handle + ")", value: person.handle };
            };
            suggester(field, form.dataset.suggestPeople, mentionBeforeCursor, replaceMention);
        });
        form.querySelectorAll("input[data-tag-autocomplete]").forEach(function (field) {
            field.suggestionLabel = function (name) { return { label: name, value: name }; };
            suggester(field, form.dataset.suggestTags, lastTag, replaceTag);
        });
    });
}());
