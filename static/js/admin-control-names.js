/* Controls Wagtail's page editor makes with vendor widgets and leaves unnamed, so that a screen reader announces
   an unnamed text field or button (axe: "label", "button-name"):
   - the box the tag field (jQuery tag-it) is typed into gets its field's label;
   - the date picker's (xdsoft) previous month, next month and today buttons get the words in this script's
     data-previous, data-next and data-today attributes, in the reader's language.
   Also for controls made later (a panel opened, a picker shown, a form row added). */
(function () {
    "use strict";

    var words = document.currentScript.dataset;
    var buttons = { ".xdsoft_prev": words.previous, ".xdsoft_next": words.next, ".xdsoft_today_button": words.today };

    function nameTagBox(box) {
        var list = box.closest("ul.tagit");
        var field = list && list.previousElementSibling;
        if (!field || !field.id) {
            return;
        }
        var label = document.getElementById(field.id + "-label") || document.querySelector('label[for="' + field.id + '"]');
        if (!label) {
            return;
        }
        if (!label.id) {
            label.id = field.id + "-label";
        }
        box.setAttribute("aria-labelledby", label.id);
    }

    function nameAll() {
        document.querySelectorAll("ul.tagit input.ui-autocomplete-input:not([aria-labelledby])").forEach(nameTagBox);
        Object.keys(buttons).forEach(function (selector) {
            document.querySelectorAll(".xdsoft_datetimepicker " + selector + ":not([aria-label])").forEach(function (button) {
                button.setAttribute("aria-label", buttons[selector]);
            });
        });
    }

    new MutationObserver(nameAll).observe(document.documentElement, { childList: true, subtree: true });
    nameAll();
})();
