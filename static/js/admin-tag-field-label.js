/* Wagtail's tag field (jQuery tag-it) is typed into through a box of its own that no label names, so a screen
   reader announces an unnamed text field. Name each such box after its field's label, also when tag-it makes one
   later (a panel opened, a form row added). */
(function () {
    "use strict";

    function name(box) {
        var list = box.closest("ul.tagit");
        var field = list && list.previousElementSibling;
        if (!field || !field.id || box.hasAttribute("aria-labelledby")) {
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
        document.querySelectorAll("ul.tagit input.ui-autocomplete-input:not([aria-labelledby])").forEach(name);
    }

    new MutationObserver(nameAll).observe(document.documentElement, { childList: true, subtree: true });
    nameAll();
})();
