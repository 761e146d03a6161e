/* Quizzes in the static book: no kernel, no network. Each question is a <form>; "Check answer"
   shows the feedback written for the chosen option(s), the explanation and the source, and keeps
   a running score. Correctness is said in words (and a symbol), never by colour alone. */
(function () {
  "use strict";
  function setup(quiz) {
    // The words come from scobook.quiz.MESSAGES (one source for every renderer), "{name}" filled in.
    var messages = JSON.parse(quiz.dataset.messages || "{}");
    function say(key, values) {
      return (messages[key] || key).replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
    }
    var forms = quiz.querySelectorAll("form.sco-quiz-q");
    var score = quiz.querySelector(".sco-quiz-score");
    var results = {};
    function updateScore() {
      var right = 0;
      Object.keys(results).forEach(function (k) { if (results[k]) right += 1; });
      score.textContent = say("score", {right: right, total: forms.length, answered: Object.keys(results).length});
    }
    forms.forEach(function (form) {
      var out = form.querySelector(".sco-quiz-feedback");
      // Without JavaScript the answer is always one click away; with it, after a first try.
      var answer = form.querySelector(".sco-quiz-answer");
      if (answer) answer.hidden = true;
      var retry = form.querySelector("button.sco-quiz-retry");
      var correct = form.dataset.correct.split(",").sort().join(",");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var chosen = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) { return i.value; });
        out.textContent = "";
        if (chosen.length === 0) {
          out.textContent = say("choose_first", {});
          return;
        }
        // A single-answer question is right when its one option is chosen; "multiple" needs exactly the set.
        var ok = form.dataset.type === "multiple" ? chosen.slice().sort().join(",") === correct
          : chosen.length === 1 && correct.split(",").indexOf(chosen[0]) >= 0;
        var verdict = document.createElement("p");
        verdict.className = "sco-quiz-verdict " + (ok ? "is-correct" : "is-wrong");
        verdict.textContent = say(ok ? "correct" : "wrong", {});
        out.appendChild(verdict);
        chosen.forEach(function (value) {
          var note = form.querySelector('[data-feedback="' + value + '"]');
          if (note) { var p = note.cloneNode(true); p.hidden = false; out.appendChild(p); }
        });
        if (!ok && form.dataset.type === "multiple") {
          var missed = correct.split(",").filter(function (v) { return chosen.indexOf(v) < 0; });
          if (missed.length) {
            var m = document.createElement("p");
            m.textContent = say(missed.length === 1 ? "left_out_one" : "left_out_many", {missed: missed.length});
            out.appendChild(m);
          }
        }
        var explanation = form.querySelector(".sco-quiz-explanation").cloneNode(true);
        explanation.hidden = false;
        out.appendChild(explanation);
        results[form.id] = ok;
        updateScore();
        var running = document.createElement("p");
        running.className = "sco-quiz-running";
        running.textContent = score.textContent;  // the score, where the student is
        out.appendChild(running);
        if (answer) answer.hidden = false;
        retry.hidden = false;
      });
      retry.addEventListener("click", function () {
        form.reset();
        out.textContent = "";
        delete results[form.id];
        updateScore();
        retry.hidden = true;
        var first = form.querySelector("input");
        if (first) first.focus();
      });
    });
    updateScore();
  }
  function init() { document.querySelectorAll(".sco-quiz").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
