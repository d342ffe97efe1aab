// The console's login form: plain HTML, no script, works with any browser.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function loginPage(error?: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion – Console des agents</title>
<link rel="stylesheet" href="/agent/console.css">
</head>
<body>
<main class="login">
<h1>Console des agents</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/agent/login">
<label for="token">Jeton d'accès (AGENT_TOKEN)</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Se connecter</button>
</form>
</main>
</body>
</html>
`;
}
