// Drag and drop onto the upload box puts the files into the form's file input.
(function () {
  var drop = document.getElementById('drop');
  var input = document.getElementById('files');
  if (!drop || !input) { return; }
  ['dragenter', 'dragover'].forEach(function (e) {
    drop.addEventListener(e, function (ev) { ev.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (e) {
    drop.addEventListener(e, function (ev) { ev.preventDefault(); drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (ev) { input.files = ev.dataTransfer.files; });
})();
