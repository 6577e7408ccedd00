// Groeispurt's behaviour: drag and drop on the board, keeping focus after a swap, and
// the board following changes made elsewhere.
// No inline script anywhere (the Content-Security-Policy forbids it): everything is here.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // Every list of cards becomes sortable, in one group, so cards move between columns.
  function makeSortable(root) {
    if (typeof Sortable === "undefined") return;
    root.querySelectorAll("[data-sortable]").forEach(function (list) {
      if (list.dataset.sortableReady) return;
      list.dataset.sortableReady = "1";
      Sortable.create(list, {
        group: "board",
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

  // A move button is replaced with the whole board: give focus back to the
  // same button on the moved card, so keyboard users keep their place.
  var lastButton = null;
  var lastCard = null;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#board button[id]");
    var card = button && button.closest("[data-card-id]");
    lastButton = button ? button.id : null;
    lastCard = card ? card.dataset.cardId : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!lastButton) return;
    var again = document.getElementById(lastButton);
    if (!again && lastCard) {
      again = document.querySelector('[data-card-id="' + lastCard + '"] button.move');
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

  // The board follows changes made elsewhere (another device, the manager's screen):
  // a GraphQL subscription (graphql-transport-ws) over one WebSocket, signed in with
  // the page's session cookie, says the board's new version; the board fragment is
  // then fetched again, unless this page already shows that version or a card is
  // being dragged.
  var live = null;
  // The newest version a message announced; fetched once the page is not busy.
  var announced = 0;
  var BOARD_CHANGED =
    "subscription($c: ID!) { boardChanged(cycleId: $c) { version } }";

  function followBoard() {
    var board = document.getElementById("board");
    var cycleId = board && board.dataset.liveCycleId;
    if (!cycleId || !window.WebSocket) return;
    if (live && live.cycleId === cycleId) return;
    if (live) live.socket.close();
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/graphql", "graphql-transport-ws");
    live = { socket: socket, cycleId: cycleId };
    announced = 0;
    socket.addEventListener("open", function () {
      socket.send(JSON.stringify({ type: "connection_init" }));
    });
    socket.addEventListener("message", function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({
          id: "board", type: "subscribe",
          payload: { query: BOARD_CHANGED, variables: { c: cycleId } },
        }));
      } else if (message.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      } else if (message.type === "next" && message.payload.data) {
        var changed = message.payload.data.boardChanged;
        if (changed) refreshBoard(Number(changed.version));
      }
    });
    socket.addEventListener("close", function () {
      if (!live || live.socket !== socket) return;
      live = null;
      setTimeout(followBoard, 5000);  // the server restarted, or the network dropped
    });
  }

  function refreshBoard(version) {
    announced = Math.max(announced, version);
    var board = document.getElementById("board");
    if (!board || Number(board.dataset.liveVersion) >= announced) return;
    // A move of this page is on its way (its answer may be the announced version), or a
    // card is being dragged: look again when the request has settled.
    if (board.classList.contains("board--saving") || board.classList.contains("htmx-request")
        || board.querySelector(".htmx-request, .card--chosen")) return;
    htmx.ajax("GET", location.pathname + location.search, {
      source: board, target: "#board", swap: "outerHTML",
    });
  }

  document.addEventListener("htmx:afterSettle", function () {
    if (announced) refreshBoard(announced);
  });

  document.addEventListener("DOMContentLoaded", function () {
    makeSortable(document);
    followBoard();
  });
  document.addEventListener("htmx:load", function (event) {
    makeSortable(event.detail.elt);
    followBoard();
  });
})();
