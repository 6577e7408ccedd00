// Groeispurt's behaviour: drag and drop on the board and the company backlog, and keeping
// focus after a swap.
// No inline script anywhere (the Content-Security-Policy forbids it): everything is here.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // Every list of cards becomes sortable, in one group, so cards move between columns;
  // a list that names a group of its own (data-sortable="backlog") sorts only within it.
  function makeSortable(root) {
    if (typeof Sortable === "undefined") return;
    root.querySelectorAll("[data-sortable]").forEach(function (list) {
      if (list.dataset.sortableReady) return;
      list.dataset.sortableReady = "1";
      Sortable.create(list, {
        group: list.dataset.sortable || "board",
        animation: 150,
        ghostClass: "card--ghost",
        chosenClass: "card--chosen",
        filter: "button, summary, a, input",
        preventOnFilter: false,
        delay: 120,
        delayOnTouchOnly: true,
      });
    });
  }

  // One listener for the whole board: Sortable's "end" event bubbles up to it
  // and becomes one move (card, target column, index, the board's version).
  document.addEventListener("end", function (event) {
    var board = event.target.closest && event.target.closest("#board");
    if (!board || !board.dataset.moveUrl) return;
    if (event.from === event.to && event.oldIndex === event.newIndex) return;
    board.classList.add("board--saving");
    htmx.ajax("POST", board.dataset.moveUrl, {
      source: board,
      target: "#board",
      swap: "outerHTML",
      headers: { "X-CSRF-Token": csrfToken() },
      values: {
        cycle_id: board.dataset.cycleId,
        card_id: event.item.dataset.cardId,
        column: event.to.dataset.column,
        index: String(event.newIndex),
        version: board.dataset.version,
      },
    });
  });

  // The same on the company backlog: a skill dropped in its new place is one move
  // (skill, position, the backlog's version); the answer says where it is now.
  document.addEventListener("end", function (event) {
    var backlog = event.target.closest && event.target.closest("#backlog");
    if (!backlog || !backlog.dataset.moveUrl) return;
    if (event.oldIndex === event.newIndex) return;
    backlog.classList.add("board--saving");
    htmx.ajax("POST", backlog.dataset.moveUrl, {
      source: backlog,
      target: "#backlog",
      swap: "outerHTML",
      headers: { "X-CSRF-Token": csrfToken() },
      values: {
        skill_id: event.item.dataset.skillId,
        position: String(event.newIndex),
        version: backlog.dataset.version,
      },
    });
  });

  // The same on the question set: a question dropped in its new place within its part.
  document.addEventListener("end", function (event) {
    var set = event.target.closest && event.target.closest("#questions");
    if (!set || !set.dataset.moveUrl) return;
    if (event.oldIndex === event.newIndex) return;
    set.classList.add("board--saving");
    htmx.ajax("POST", set.dataset.moveUrl, {
      source: set,
      target: "#questions",
      swap: "outerHTML",
      headers: { "X-CSRF-Token": csrfToken() },
      values: {
        question_id: event.item.dataset.questionId,
        position: String(event.newIndex),
        version: set.dataset.version,
      },
    });
  });

  // A move button is replaced with the whole board (or backlog): give focus back to
  // the same button on the moved card or skill, so keyboard users keep their place.
  var lastButton = null;
  var lastCard = null;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#board button[id], #backlog button[id], #questions button[id]");
    var card = button && button.closest("[data-card-id], [data-skill-id], [data-question-id]");
    lastButton = button ? button.id : null;
    lastCard = null;
    if (card && card.dataset.cardId) lastCard = '[data-card-id="' + card.dataset.cardId + '"]';
    if (card && card.dataset.skillId) lastCard = '[data-skill-id="' + card.dataset.skillId + '"]';
    if (card && card.dataset.questionId) lastCard = '[data-question-id="' + card.dataset.questionId + '"]';
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!lastButton) return;
    var again = document.getElementById(lastButton);
    if (!again && lastCard) {
      // Its button is gone (the card or skill reached an end): another of its own.
      again = document.querySelector(lastCard + " button.move");
    }
    if (again) again.focus();
    lastButton = null;
  });

  // Confirm buttons (approve, submit) without inline script: data-confirm on the button.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // A link to an earlier POP version (#pop-v2) opens its folded-away details.
  function openLinkedDetails() {
    var id = window.location.hash.slice(1);
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openLinkedDetails);

  // Copy buttons: data-copy names the input whose value goes to the clipboard; the
  // status beside it says so (data-copied is the text, in the page's language).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) return;
    var input = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (!input) return;
    input.select();
    var said = function () { if (status) status.textContent = button.dataset.copied || ""; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(said, function () {});
    } else if (document.execCommand && document.execCommand("copy")) {
      said();
    }
  });

  // A page drawn in answer to a form may name its own address (data-location), so that
  // a reload shows that page instead of sending the form again.
  function settleLocation() {
    var here = document.querySelector("[data-location]");
    if (here && window.history && history.replaceState) {
      history.replaceState(null, "", here.dataset.location);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    makeSortable(document);
    settleLocation();
    openLinkedDetails();
  });
  document.addEventListener("htmx:load", function (event) { makeSortable(event.detail.elt); });
})();
