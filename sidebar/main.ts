// The sidebar page. It talks to the server only through google.script.run.
const app = document.getElementById('app');
if (app) app.textContent = '后勤助手 / Houqin';
