// Kairos embed: resizes iframes showing Kairos booking pages to their content.
// <iframe src="https://book.example.org/ana/consultation?embed=1" data-kairos-embed …></iframe>
// <script src="https://book.example.org/assets/embed.js" async></script>
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "kairos:height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-kairos-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === event.source && frame.src.indexOf(event.origin) === 0) {
        frame.style.height = Math.max(200, Math.min(data.height, 5000)) + "px";
      }
    }
  });
})();
