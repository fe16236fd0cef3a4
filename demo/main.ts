import '../src/index.js';

const themed = () => [...document.querySelectorAll<HTMLElement>('[feed]')];
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
const locale = document.querySelector<HTMLSelectElement>('#locale')!;

function applyTheme(): void {
  document.documentElement.dataset.theme = theme.value;
  for (const el of themed()) el.setAttribute('theme', theme.value);
}
function applyLocale(): void {
  for (const el of themed()) el.setAttribute('locale', locale.value);
}
theme.addEventListener('change', applyTheme);
locale.addEventListener('change', applyLocale);
applyTheme();
applyLocale();
