// The library's upload form: files dropped on the zone join the file input, and the form is sent with
// XMLHttpRequest so that a progress bar can follow the upload. Without script the form still works as a plain post.
(function () {
  'use strict';
  var form = document.getElementById('library-upload');
  if (!form) return;
  var input = form.querySelector('input[type=file]');
  var zone = document.getElementById('library-drop');
  var progress = document.getElementById('library-progress');
  var bar = document.getElementById('library-progress-bar');
  var error = document.getElementById('library-error');

  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('border-primary'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove('border-primary'); });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) input.files = e.dataTransfer.files;
  });

  function show(percent) {
    progress.classList.remove('d-none');
    bar.style.width = percent + '%';
    bar.textContent = percent + '%';
    progress.setAttribute('aria-valuenow', String(percent));
  }

  form.addEventListener('submit', function (e) {
    if (!window.FormData || !input.files.length) return;
    e.preventDefault();
    error.classList.add('d-none');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) show(Math.round(p.loaded * 100 / p.total));
    });
    xhr.addEventListener('load', function () {
      if (xhr.status >= 200 && xhr.status < 300) {
        show(100);
        window.location.assign(xhr.responseURL);
        return;
      }
      // the refusal comes as the site's error page: show its message
      var text = xhr.statusText;
      var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var detail = page.querySelector('h1 + p');
      if (detail && detail.textContent) text = detail.textContent;
      error.textContent = text;
      error.classList.remove('d-none');
      progress.classList.add('d-none');
    });
    xhr.addEventListener('error', function () {
      error.textContent = form.getAttribute('data-network-error') || 'Network error';
      error.classList.remove('d-none');
    });
    show(0);
    xhr.send(new FormData(form));
  });
})();
