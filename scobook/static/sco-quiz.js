/* Quizzes in the static book: no kernel, no network. Each question is a <form>. "Check answer"
   shows the feedback written for the chosen option(s); after a wrong first try it offers "Try
   again" and "Show the answer", and the answer and the explanation appear only after a second try
   or when asked for. The score counts first tries (scobook.quiz.QuizProgress: the same rules as the
   live quiz): a question put right after a retry counts apart, and one whose answer was shown before
   a right try counts as neither. Correctness is said in words (and a symbol), never by colour alone. */
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
    var first = {}, last = {}, tries = {}, revealed = {};
    function scoreText() {
      var right = 0, later = 0, answered = 0;
      Object.keys(first).forEach(function (k) {
        answered += 1;
        if (first[k]) right += 1; else if (last[k] && !revealed[k]) later += 1;
      });
      var text = say("score", {right: right, total: forms.length, answered: answered});
      return later ? text + " " + say("score_later", {later: later}) : text;
    }
    function updateScore() { score.textContent = scoreText(); }
    forms.forEach(function (form) {
      var out = form.querySelector(".sco-quiz-feedback");
      // Without JavaScript the answer is always one click away; with it, after a first wrong try.
      var answer = form.querySelector(".sco-quiz-answer");
      if (answer) answer.hidden = true;
      var retry = form.querySelector("button.sco-quiz-retry");
      var correct = form.dataset.correct.split(",").sort().join(",");
      function reveal() {
        if (!last[form.id]) revealed[form.id] = true;
        if (!(form.id in first)) { first[form.id] = false; last[form.id] = false; }
        if (answer) { answer.hidden = false; answer.open = true; }
        updateScore();
      }
      if (answer) {
        answer.addEventListener("toggle", function () { if (answer.open) reveal(); });
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var chosen = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) { return i.value; });
        out.textContent = "";
        if (chosen.length === 0) {
          out.textContent = say("choose_first", {});
          return;
        }
        var ok = form.dataset.type === "multiple" ? chosen.slice().sort().join(",") === correct
          : chosen.length === 1 && correct.split(",").indexOf(chosen[0]) >= 0;
        tries[form.id] = (tries[form.id] || 0) + 1;
        if (!(form.id in first)) first[form.id] = ok;
        last[form.id] = ok;
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
        if (ok || tries[form.id] >= 2) {
          var explanation = form.querySelector(".sco-quiz-explanation").cloneNode(true);
          explanation.hidden = false;
          if (!ok) explanation.insertBefore(document.createTextNode(say("answer_is", {answer: form.dataset.answer}) + " "),
                                            explanation.firstChild);
          out.appendChild(explanation);
          if (answer) answer.hidden = true;
        } else {
          var hint = document.createElement("p");
          hint.textContent = say("try_again", {});
          out.appendChild(hint);
          if (answer) answer.hidden = false;
        }
        updateScore();
        var running = document.createElement("p");
        running.className = "sco-quiz-running";
        running.textContent = score.textContent;  // the score where the student is, announced once
        out.appendChild(running);
        retry.hidden = ok;
      });
      retry.addEventListener("click", function () {
        // another try at the same question: the first try still counts
        Array.prototype.forEach.call(form.querySelectorAll("input"), function (i) { i.checked = false; });
        out.textContent = "";
        retry.hidden = true;
        var firstInput = form.querySelector("input");
        if (firstInput) firstInput.focus();
      });
    });
    updateScore();
  }
  function init() { document.querySelectorAll(".sco-quiz").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
