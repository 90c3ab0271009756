// Downloads through an <a download> with a Blob URL: no `downloads` permission needed. The URL is revoked a while
// later, not at once, since the browser reads the Blob after the click has returned.
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
