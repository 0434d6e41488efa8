/* Menus that open from a <details data-dropdown> (the user menu): they close as a menu does, with Escape
   (focus back on the button), when focus moves out of them and when a click lands elsewhere, so an open
   panel never covers what is focused next. Without this script <details> still opens and closes. */
(function () {
    "use strict";

    function enhance(menu) {
        var toggle = menu.querySelector("summary");

        menu.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && menu.open) {
                event.preventDefault();
                menu.open = false;
                toggle.focus();
            }
        });
        // Focus that goes nowhere (a click on the panel's own text) keeps the menu open; a click elsewhere closes it.
        menu.addEventListener("focusout", function (event) {
            if (event.relatedTarget && !menu.contains(event.relatedTarget)) {
                menu.open = false;
            }
        });
        document.addEventListener("click", function (event) {
            if (menu.open && !menu.contains(event.target)) {
                menu.open = false;
            }
        });
    }

    document.querySelectorAll("details[data-dropdown]").forEach(enhance);
}());
