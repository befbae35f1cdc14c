// Drag and drop onto the upload box puts the files into the form's file input. While the server
// checks the files the button is disabled and a progress note shows (the check takes seconds).
(function () {
  var drop = document.getElementById('drop');
  var input = document.getElementById('files');
  var form = document.getElementById('upload-form');
  var button = document.getElementById('submit');
  var checking = document.getElementById('checking');
  if (!drop || !input || !form || !button || !checking) { return; }
  ['dragenter', 'dragover'].forEach(function (e) {
    drop.addEventListener(e, function (ev) { ev.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (e) {
    drop.addEventListener(e, function (ev) { ev.preventDefault(); drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (ev) { input.files = ev.dataTransfer.files; });
  // The file input is required, so this runs only for a form that is really sent.
  form.addEventListener('submit', function () {
    button.disabled = true;
    button.textContent = '正在校验……';
    checking.hidden = false;
    form.setAttribute('aria-busy', 'true');
  });
  // Back from the results page (browser cache): the form is usable again.
  window.addEventListener('pageshow', function () {
    button.disabled = false;
    button.textContent = '上传并校验';
    checking.hidden = true;
    form.removeAttribute('aria-busy');
  });
})();
