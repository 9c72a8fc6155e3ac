// Progressive enhancement for deep links: show a "Kopieer link" button next to each plain
// "Directe link" (which works without JavaScript) and copy the absolute URL on click.
const status = document.getElementById('copy-status');
if (navigator.clipboard) {
  for (const button of document.querySelectorAll('button.copy-link')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const url = button.getAttribute('data-url') ?? '';
      try {
        await navigator.clipboard.writeText(url);
        if (status) status.textContent = 'Link gekopieerd.';
      } catch {
        if (status) status.textContent = 'Kopiëren lukte niet; gebruik de directe link.';
      }
    });
  }
}
