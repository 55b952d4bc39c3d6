// Migration Insights pages work without this file. It adds the upload progress bar of the imports
// page: the file is sent with XMLHttpRequest (its upload progress fills the bar), then the page asks
// the server how many rows it has read until the import ends, then shows the outcome page.
"use strict";
(function () {
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var box = document.getElementById("upload-progress");
  var bar = document.getElementById("upload-bar");
  var status = document.getElementById("upload-status");
  var button = document.getElementById("upload-button");
  var polling = null;

  function say(text) {
    status.textContent = text;
  }

  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", form.getAttribute("data-progress"));
    request.setRequestHeader("Accept", "application/json");
    request.onload = function () {
      if (request.status !== 200) {
        return;
      }
      var p = JSON.parse(request.responseText);
      if (p.phase === "READING" || p.phase === "CHECKING" || p.phase === "FINISHED") {
        bar.removeAttribute("value"); // indeterminate: the number of rows is not known in advance
        say((p.phase === "READING" ? "Reading the file: " : "Checking: ") + p.rowsRead.toLocaleString("en-GB")
          + " rows read");
      }
    };
    request.send();
  }

  form.addEventListener("submit", function (event) {
    if (!form.checkValidity()) {
      return;
    }
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    box.hidden = false;
    button.disabled = true;
    bar.max = 100;
    bar.value = 0;
    say("Uploading: 0%");
    request.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        var percent = Math.round(e.loaded * 100 / e.total);
        bar.value = percent;
        say("Uploading: " + percent + "%");
      }
    };
    request.upload.onload = function () {
      bar.value = 100;
      say("Uploaded; the server is reading the file");
      polling = window.setInterval(poll, 500);
    };
    request.onload = function () {
      window.clearInterval(polling);
      say("Done");
      // the server answered with the outcome page (after its redirect)
      window.location.assign(request.responseURL || form.action);
    };
    request.onerror = function () {
      window.clearInterval(polling);
      button.disabled = false;
      say("The upload failed (the connection was lost). Nothing was imported; try again.");
    };
    request.send(new FormData(form));
  });
}());
