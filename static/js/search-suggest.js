/* Suggestions in the search boxes: titles and tags that start like the words typed.
   Progressive enhancement: without this script the box is an ordinary search field. */
(function () {
    "use strict";

    function enhance(field) {
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var options = [];
        var active = -1;
        var timer = null;
        var latest = 0;
        list.id = field.id + "-suggestions";
        list.className = "suggestions search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", field.dataset.suggestLabel || "");
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        field.setAttribute("role", "combobox");
        field.setAttribute("aria-autocomplete", "list");
        field.setAttribute("aria-expanded", "false");
        field.setAttribute("aria-controls", list.id);
        field.form.appendChild(list);
        field.form.appendChild(status);

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            options = [];
            active = -1;
            field.setAttribute("aria-expanded", "false");
            field.removeAttribute("aria-activedescendant");
        }

        function choose(index) {
            if (options[index]) {
                window.location.href = options[index].url;
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
                var kind = document.createElement("span");
                item.id = list.id + "-" + index;
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.textContent = suggestion.label + " ";
                kind.className = "search-suggestions__type";
                kind.textContent = "(" + suggestion.type_label + ")";
                item.appendChild(kind);
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    choose(index);
                });
                list.appendChild(item);
                options.push({ element: item, url: suggestion.url });
            });
            list.hidden = options.length === 0;
            field.setAttribute("aria-expanded", options.length ? "true" : "false");
            status.textContent = options.length ? options.length + " " + (field.dataset.suggestCount || "") : "";
        }

        field.addEventListener("input", function () {
            var text = field.value.trim();
            var asked = ++latest;
            window.clearTimeout(timer);
            if (text.length < 2) {
                close();
                return;
            }
            timer = window.setTimeout(function () {
                fetch(field.dataset.suggestUrl + "?q=" + encodeURIComponent(text), { credentials: "same-origin" })
                    .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                    .then(function (data) { if (asked === latest) { show(data.suggestions); } })
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
            } else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                choose(active);
            } else if (event.key === "Escape") {
                close();
            }
        });
        field.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
}());
