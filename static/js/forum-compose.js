/* Suggestions while writing: @mentions in the text and tags from the shared vocabulary.
   Progressive enhancement: without this script people type handles and tags by hand. */
(function () {
    "use strict";

    function suggester(field, source, findWord, replaceWord) {
        var form = field.form;
        var suggestions = window.kunskapsforumSuggestions(field, {
            label: form.dataset.suggestionsLabel,
            countText: form.dataset.suggestionsCount,
            countOneText: form.dataset.suggestionsCountOne,
            noneText: form.dataset.suggestionsNone,
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

    /* "@Anna La" before the cursor: a name of up to four words, as forum/mentions.py reads them (Unicode letters:
       "@Åsa" too), perhaps with the start of a municipality: "@Anna Larsson (Sig". A mention just chosen is not suggested again as the writing goes on after it. */
    var MENTION = /(^|[\s(])@(\p{L}[\p{L}\p{N}._'’-]*(?:[ \u00a0]\p{L}[\p{L}\p{N}'’-]*){0,3}(?:[ \u00a0]\([\p{L} -]*)?[ \u00a0]?)$/u;

    function mentionBeforeCursor(field) {
        var before = field.value.slice(0, field.selectionStart);
        var match = MENTION.exec(before);
        if (!match) {
            return null;
        }
        var start = before.length - match[2].length;
        var chosen = field.chosenMention;
        if (chosen && chosen.start === start && match[2].indexOf(chosen.handle) === 0) {
            return null;
        }
        return { text: match[2].trim(), start: start, end: before.length };
    }

    function replaceMention(field, word, handle) {
        field.value = field.value.slice(0, word.start) + handle + " " + field.value.slice(word.end);
        field.selectionStart = field.selectionEnd = word.start + handle.length + 1;
        field.chosenMention = { start: word.start, handle: handle };
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
                /* The address tells apart namesakes of one municipality; otherwise name and municipality do. */
                var label = person.name + (person.municipality ? ", " + person.municipality : "");
                return { label: person.handle.indexOf("@") === -1 ? label : label + " (" + person.handle + ")", value: person.handle };
            };
            suggester(field, form.dataset.suggestPeople, mentionBeforeCursor, replaceMention);
        });
        form.querySelectorAll("input[data-tag-autocomplete]").forEach(function (field) {
            field.suggestionLabel = function (name) { return { label: name, value: name }; };
            suggester(field, form.dataset.suggestTags, lastTag, replaceTag);
        });
    });
}());
