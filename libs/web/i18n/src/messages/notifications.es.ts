// Account notification settings (map and console account pages); es.ts spreads it in.
export const notificationsEs = {
  'account.settings.title': 'Mi cuenta',
  'account.settings.link': 'Mi cuenta',
  'notifications.settings.heading': 'Avisos por correo',
  'notifications.settings.label': 'Enviarme correos sobre mis avisos, mis propuestas y lo que sigo',
  'notifications.settings.hint':
    'Cambios de estado, respuestas públicas y respuestas oficiales. Los correos para entrar en tu cuenta llegan siempre.',
  'notifications.settings.loading': 'Cargando tus preferencias…',
  'notifications.settings.loadError': 'No se han podido cargar tus preferencias. Recarga la página para intentarlo de nuevo.',
  'notifications.settings.savedOn': 'Guardado: recibirás estos correos.',
  'notifications.settings.savedOff': 'Guardado: ya no recibirás estos correos.',
  'notifications.settings.saveError': 'No se ha podido guardar el cambio. Inténtalo de nuevo.',
};
