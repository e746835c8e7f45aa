// Solves the form's proof-of-work challenge (citizens/proof.py) in the page: finds the number n
// below maxNumber with SHA-256(salt + n) = challenge and puts the signed answer in the form.
// Started when the page loads; a submission before it is done waits for it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-proof-of-work]");
  if (!form || !window.crypto || !window.crypto.subtle) {
    return;
  }
  var challenge = JSON.parse(document.getElementById(form.dataset.proofOfWork).textContent);
  var field = form.querySelector("input[name=proof_of_work]");
  var encoder = new TextEncoder();

  function hex(buffer) {
    return Array.prototype.map
      .call(new Uint8Array(buffer), function (byte) {
        return byte.toString(16).padStart(2, "0");
      })
      .join("");
  }

  async function solve() {
    for (var number = 0; number <= challenge.maxNumber; number++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + number));
      if (hex(digest) === challenge.challenge) {
        return btoa(
          JSON.stringify({
            algorithm: challenge.algorithm,
            challenge: challenge.challenge,
            number: number,
            salt: challenge.salt,
            signature: challenge.signature,
          })
        );
      }
    }
    return "";
  }

  var solved = solve().then(function (payload) {
    field.value = payload;
  });
  var submitting = false;
  form.addEventListener("submit", function (event) {
    if (field.value || submitting) {
      return;
    }
    event.preventDefault();
    submitting = true;
    solved.then(function () {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    });
  });
})();
