/* Unsent text survives a reload or a lost session: each writing form (form[data-draft-key]) keeps what is typed
   in the browser's localStorage, under a key that names the person and the form (forum.views.writing.draft_key).
   A draft is forgotten when the server says the post went out (an element [data-forget-drafts] on the page that
   follows), when the writer discards it, after DRAFT_DAYS, and for everyone when someone logs out of this browser.
   Nothing is forgotten on submit: if the post does not go out (an error, an expired session), the text is still here.
   Progressive enhancement: without this script nothing is kept. */
(function () {
    "use strict";

    var PREFIX = "kf-draft:";
    var DRAFT_DAYS = 14;
    var SKIPPED_TYPES = ["hidden", "submit", "button", "checkbox", "file", "password"];

    function storage() {
        try {
            return window.localStorage;
        } catch (error) {
            return null;  /* storage refused by the browser's settings: nothing is kept */
        }
    }

    function forget(key) {
        var store = storage();
        if (store) {
            store.removeItem(key);
        }
    }

    function forgetAll() {
        var store = storage();
        if (!store) {
            return;
        }
        Object.keys(store).filter(function (key) { return key.indexOf(PREFIX) === 0; }).forEach(forget);
    }

    function fields(form) {
        return Array.prototype.filter.call(form.elements, function (field) {
            return field.name && SKIPPED_TYPES.indexOf(field.type) === -1;
        });
    }

    function valuesOf(form) {
        var values = {};
        fields(form).forEach(function (field) {
            if (field.type === "radio") {
                if (field.checked) {
                    values[field.name] = field.value;
                }
            } else {
                values[field.name] = field.value;
            }
        });
        return values;
    }

    function fill(form, values) {
        fields(form).forEach(function (field) {
            if (!Object.prototype.hasOwnProperty.call(values, field.name)) {
                return;
            }
            if (field.type === "radio") {
                field.checked = field.value === values[field.name];
            } else {
                field.value = values[field.name];
            }
        });
    }

    function same(one, other) {
        return JSON.stringify(one) === JSON.stringify(other);
    }

    function read(key) {
        var store = storage();
        var draft = null;
        try {
            draft = store && JSON.parse(store.getItem(key));
        } catch (error) {
            draft = null;
        }
        if (draft && (!draft.values || Date.now() - draft.savedAt > DRAFT_DAYS * 86400000)) {
            forget(key);
            return null;
        }
        return draft;
    }

    function format(template, time) {
        var when = new Date(time).toLocaleString(document.documentElement.lang || undefined, {
            day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
        });
        return template.replace("{time}", when);
    }

    function notice(form, text, actions) {
        var box = form.querySelector(".draft-notice") || document.createElement("div");
        var message = document.createElement("p");
        box.className = "notice draft-notice";
        box.setAttribute("role", "status");
        box.innerHTML = "";
        message.textContent = text;
        box.appendChild(message);
        actions.forEach(function (action) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "button button--secondary";
            button.textContent = action.label;
            button.addEventListener("click", action.run);
            box.appendChild(button);
        });
        if (!box.parentNode) {
            form.insertBefore(box, form.firstChild);
        }
        return box;
    }

    function keep(form) {
        var key = form.dataset.draftKey;
        var store = storage();
        if (!key || !store) {
            return;
        }
        var base = valuesOf(form);
        var draft = read(key);
        var timer = null;

        function save() {
            var values = valuesOf(form);
            if (same(values, base)) {
                forget(key);
                return;
            }
            try {
                store.setItem(key, JSON.stringify({ savedAt: Date.now(), base: base, values: values }));
            } catch (error) {
                /* storage full: the text is still in the form */
            }
        }

        function box() {
            return form.querySelector(".draft-notice");
        }

        function focusText() {
            (form.querySelector("textarea") || form.elements[0]).focus();
        }

        function discard(restoreBase) {
            return function () {
                forget(key);
                if (restoreBase) {
                    fill(form, base);
                }
                notice(form, form.dataset.draftDiscarded, []);
                focusText();
            };
        }

        if (draft && !same(draft.values, base)) {
            if (same(draft.base, base)) {
                /* The form is as it was when the writing began: the draft simply continues it. */
                fill(form, draft.values);
                notice(form, format(form.dataset.draftRestored, draft.savedAt), [
                    { label: form.dataset.draftDiscard, run: discard(true) }
                ]);
            } else {
                /* The form came with other text (a quote, a newer version of the post): the writer chooses. */
                notice(form, format(form.dataset.draftOffered, draft.savedAt), [
                    {
                        label: form.dataset.draftRestore,
                        run: function () {
                            fill(form, draft.values);
                            box().remove();
                            save();
                            focusText();
                        }
                    },
                    { label: form.dataset.draftDiscard, run: discard(false) }
                ]);
            }
        }

        form.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(save, 300);
        });
        form.addEventListener("change", save);
        form.addEventListener("submit", save);
    }

    document.querySelectorAll("[data-forget-drafts]").forEach(function (element) {
        element.dataset.forgetDrafts.split(" ").forEach(function (key) {
            if (key) {
                forget(key);
            }
        });
    });
    document.querySelectorAll("form[data-forget-all-drafts]").forEach(function (form) {
        form.addEventListener("submit", forgetAll);
    });
    document.querySelectorAll("form[data-draft-key]").forEach(keep);
}());
