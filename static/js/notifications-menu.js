/* The header's notifications: the link to the notification centre becomes a button that opens a short list of
   the latest notifications in place (a disclosure). Progressive enhancement: without this script the link goes
   to the centre, as it does on the centre itself. Escape, or a click or focus outside, closes the list; Escape
   gives the focus back to the button. */
(function () {
    "use strict";

    var PANEL_ID = "notifications-menu-panel";

    function enhance(menu) {
        var link = menu.querySelector(".notifications-link");
        if (!link || link.getAttribute("aria-current") === "page") {
            return;
        }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "notifications-link notifications-menu__toggle";
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("aria-controls", PANEL_ID);
        while (link.firstChild) {
            button.appendChild(link.firstChild);
        }
        var panel = document.createElement("div");
        panel.id = PANEL_ID;
        panel.className = "notifications-menu__panel";
        panel.hidden = true;
        link.replaceWith(button);
        menu.appendChild(panel);

        var loaded = false; /* once per page: the list is a glance, and a new page brings a new one */

        function isOpen() {
            return button.getAttribute("aria-expanded") === "true";
        }

        function showMessage(text, linkToCentre) {
            var paragraph = document.createElement("p");
            var words = paragraph;
            if (linkToCentre) {
                words = document.createElement("a");
                words.href = link.href;
                paragraph.appendChild(words);
            }
            words.textContent = text;
            panel.textContent = "";
            panel.appendChild(paragraph);
        }

        function load() {
            loaded = true;
            panel.setAttribute("aria-busy", "true");
            showMessage(menu.dataset.loadingText, false);
            fetch(menu.dataset.latestUrl, {
                credentials: "same-origin",
                cache: "no-store",
                headers: { "X-Requested-With": "notifications-menu" }
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(String(response.status));
                    }
                    return response.text();
                })
                .then(function (html) {
                    panel.innerHTML = html; /* the site's own template, escaped where it was rendered */
                })
                .catch(function () {
                    showMessage(menu.dataset.failedText, true);
                    loaded = false; /* tried again at the next opening */
                })
                .then(function () {
                    panel.removeAttribute("aria-busy");
                });
        }

        function open() {
            button.setAttribute("aria-expanded", "true");
            panel.hidden = false;
            if (!loaded) {
                load();
            }
        }

        function close(returnFocus) {
            if (!isOpen()) {
                return;
            }
            button.setAttribute("aria-expanded", "false");
            panel.hidden = true;
            if (returnFocus) {
                button.focus();
            }
        }

        button.addEventListener("click", function () {
            if (isOpen()) {
                close(false);
            } else {
                open();
            }
        });
        menu.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && isOpen()) {
                event.preventDefault();
                close(true);
            }
        });
        document.addEventListener("click", function (event) {
            if (!menu.contains(event.target)) {
                close(false);
            }
        });
        menu.addEventListener("focusout", function (event) {
            if (event.relatedTarget && !menu.contains(event.relatedTarget)) {
                close(false);
            }
        });
    }

    document.querySelectorAll("[data-notifications-menu]").forEach(enhance);
})();
