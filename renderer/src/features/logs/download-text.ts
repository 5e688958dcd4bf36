/**
 * Saves text as a file through the browser's own download (a Blob and an `<a download>`), which
 * Electron turns into a save dialog and Playwright into a download event; nothing crosses the
 * bridge and the CSP needs no new source. The object URL is revoked once the click has started.
 */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
