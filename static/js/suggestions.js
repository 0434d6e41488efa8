/* The suggestion list both writing and search boxes use: the field is an ARIA combobox (WAI-ARIA 1.2) that
   controls a listbox under it, chosen with the arrow keys and Enter (or a click), closed with Escape or when the
   field loses focus. The option moved to is the field's aria-activedescendant, so screen readers read it out.
   Each box supplies what to fetch, how to label a suggestion and what choosing it does. */
(function () {
    "use strict";

    /* settings: label (the list's accessible name), countText (read out after the count; countOneText after 1), noneText (read out
       when nothing matches), place(list, status) (puts both in the page), render(suggestion) → text or element,
       choose(suggestion), tabChooses. */
    window.kunskapsforumSuggestions = function (field, settings) {
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var options = [];
        var active = -1;
        list.id = field.id + "-suggestions";
        list.className = "suggestions" + (settings.className ? " " + settings.className : "");
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", settings.label || "");
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        field.setAttribute("role", "combobox");
        field.setAttribute("aria-expanded", "false");
        field.setAttribute("aria-autocomplete", "list");
        field.setAttribute("aria-controls", list.id);
        settings.place(list, status);

        function expanded(open) {
            field.setAttribute("aria-expanded", open ? "true" : "false");
        }

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            options = [];
            active = -1;
            expanded(false);
            field.removeAttribute("aria-activedescendant");
            status.textContent = "";
        }

        function choose(index) {
            var suggestion = options[index] && options[index].suggestion;
            close();
            if (suggestion !== undefined) {
                settings.choose(suggestion);
            }
        }

        function highlight(index) {
            options.forEach(function (option, position) {
                option.element.setAttribute("aria-selected", position === index ? "true" : "false");
            });
            active = index;
            field.setAttribute("aria-activedescendant", options[index].element.id);
        }

        function show(suggestions) {
            close();
            suggestions.forEach(function (suggestion, index) {
                var item = document.createElement("li");
                var content = settings.render(suggestion);
                item.id = list.id + "-" + index;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                if (typeof content === "string") {
                    item.textContent = content;
                } else {
                    item.appendChild(content);
                }
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    choose(index);
                });
                list.appendChild(item);
                options.push({ element: item, suggestion: suggestion });
            });
            list.hidden = options.length === 0;
            expanded(options.length > 0);
            var counted = options.length === 1 ? settings.countOneText || settings.countText : settings.countText;
            status.textContent = options.length ? options.length + " " + (counted || "") : (settings.noneText || "");
        }

        /* Asks `url` for `text` after a pause in typing; only the answer to the latest question is shown. */
        var timer = null;
        var latest = 0;
        function fetchFor(url, text, pick) {
            var asked = ++latest;
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                fetch(url + "?q=" + encodeURIComponent(text), { credentials: "same-origin" })
                    .then(function (response) { return response.ok ? response.json() : null; })
                    .then(function (data) { if (asked === latest) { show(data ? pick(data) : []); } })
                    .catch(close);
            }, 200);
        }

        function cancel() {
            latest++;
            window.clearTimeout(timer);
            close();
        }

        field.addEventListener("keydown", function (event) {
            if (list.hidden) {
                return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                var step = event.key === "ArrowDown" ? 1 : -1;
                highlight((active + step + options.length) % options.length);
            } else if ((event.key === "Enter" || (settings.tabChooses && event.key === "Tab")) && active >= 0) {
                event.preventDefault();
                choose(active);
            } else if (event.key === "Escape") {
                // Only the list closes: a search field would otherwise also empty itself.
                event.preventDefault();
                close();
            }
        });
        field.addEventListener("blur", function () { window.setTimeout(close, 150); });

        return { fetchFor: fetchFor, cancel: cancel };
    };
}());
