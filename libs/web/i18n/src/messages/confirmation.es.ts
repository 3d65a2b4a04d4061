// Confirmation of anonymous reports: the form's last page and the page the emailed link opens.
export const confirmationEs = {
  'sent.checkEmail.title': 'Revisa tu correo',
  'sent.checkEmail.body':
    'Te hemos enviado un enlace a la dirección de correo que indicaste. Ábrelo para confirmar que el aviso es tuyo.',
  'sent.checkEmail.notPublic': 'El aviso todavía no es público: llegará al ayuntamiento cuando lo confirmes.',
  'sent.checkEmail.expiry':
    'Si no lo confirmas en unos días, el aviso y sus fotos se borrarán. ¿No te llega? Mira en la carpeta de correo no deseado.',
  'confirm.title': 'Confirmar el aviso',
  'confirm.working': 'Confirmando tu aviso…',
  'confirm.done.title': 'Aviso confirmado',
  'confirm.done.already': 'Este aviso ya estaba confirmado.',
  'confirm.done.published': 'Gracias. El aviso ya aparece en el mapa y el ayuntamiento lo tramitará.',
  'confirm.done.moderation': 'Gracias. El equipo municipal lo revisará antes de publicarlo en el mapa.',
  'confirm.view': 'Ver el aviso',
  'confirm.failed.title': 'No se ha podido confirmar',
  'confirm.failed.expired':
    'Este enlace ha caducado: el aviso no se confirmó a tiempo y se borrará. Si el problema sigue ahí, envíalo de nuevo.',
  'confirm.failed.unknown':
    'Este enlace no es válido. Puede que esté incompleto, o que el aviso se borrara porque el enlace caducó.',
  'confirm.failed.network': 'No hemos podido conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo.',
  'confirm.retry': 'Intentarlo de nuevo',
  'confirm.newReport': 'Enviar un aviso',
} as const;
