/* Suggestions while writing: @mentions in the text and tags from the shared vocabulary.
   Progressive enhancement: without this script people type handles and tags by hand. */
(function () {
    "use strict";

    function suggester(field, source, findWord, replaceWord) {
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var options = [];
        var active = -1;
        var timer = null;
        list.id = field.id + "-suggestions";
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", field.form.dataset.suggestionsLabel);
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        field.setAttribute("aria-autocomplete", "list");
        field.setAttribute("aria-controls", list.id);
        field.insertAdjacentElement("afterend", list);
        list.insertAdjacentElement("afterend", status);

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            options = [];
            active = -1;
            field.removeAttribute("aria-activedescendant");
        }

        function choose(index) {
            var word = findWord(field);
            if (word && options[index]) {
                replaceWord(field, word, options[index].value);
            }
            close();
            field.focus();
        }

        function highlight(index) {
            options.forEach(function (option, position) {
                option.element.setAttribute("aria-selected", position === index ? "true" : "false");
            });
            active = index;
            field.setAttribute("aria-activedescendant", options[index].element.id);
        }

        function show(results) {
            close();
            results.forEach(function (result, index) {
                var item = document.createElement("li");
                item.id = list.id + "-" + index;
                item.setAttribute("role", "option");
                item.textContent = result.label;
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    choose(index);
                });
                list.appendChild(item);
                options.push({ element: item, value: result.value });
            });
            list.hidden = options.length === 0;
            status.textContent = options.length ? options.length + " " + field.form.dataset.suggestionsCount : "";
        }

        field.addEventListener("input", function () {
            var word = findWord(field);
            window.clearTimeout(timer);
            if (!word || word.text.length < 2) {
                close();
                return;
            }
            timer = window.setTimeout(function () {
                fetch(source + "?q=" + encodeURIComponent(word.text), { credentials: "same-origin" })
                    .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                    .then(function (data) { show(data.results.map(field.suggestionLabel)); })
                    .catch(close);
            }, 200);
        });

        field.addEventListener("keydown", function (event) {
            if (list.hidden) {
                return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                var step = event.key === "ArrowDown" ? 1 : -1;
                highlight((active + step + options.length) % options.length);
            } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
                event.preventDefault();
                choose(active);
            } else if (event.key === "Escape") {
                close();
            }
        });
        field.addEventListener("blur", function () { window.setTimeout(close, 150); });
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
