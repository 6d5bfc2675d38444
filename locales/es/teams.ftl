team-intro = Reservar con un grupo: todos juntos, o por turnos quien esté libre.
team-empty = Todavía no hay equipos
team-empty-admin-text = Cree un equipo, añada sus miembros y dele tipos de cita.
team-empty-text = Un administrador puede añadirle a un equipo.
team-member-count = { $count ->
    [one] { $count } miembro
   *[other] { $count } miembros
}
team-role-admin = Administrador del equipo
team-role-member = Miembro
team-open = Abrir
team-new = Nuevo equipo
team-name = Nombre
team-name-placeholder = Recepción
team-slug = Identificador de URL
team-slug-hint = La página del equipo es /team/<identificador>: letras minúsculas, cifras y -. Si se deja vacío, se crea a partir del nombre.
team-create = Crear el equipo
team-new-event-type = Nuevo tipo de cita del equipo
team-members = Miembros
team-disabled = Desactivado
team-remove-confirm = ¿Quitar a { $name } del equipo?
team-remove = Quitar
team-event-types = Tipos de cita del equipo
team-no-event-types = No hay tipos de cita del equipo
team-no-event-types-text = Cree uno: colectivo (asisten todos) o por rotación (quien esté libre, por turnos).
team-scheduling-individual = Individual
team-scheduling-collective = Colectivo
team-scheduling-round-robin = Rotación
team-managing = Gestionar el equipo
team-managing-text = Los administradores del equipo añaden y quitan miembros y cambian sus tipos de cita. Usted ve las reservas del equipo en Reservas.
team-add-title = Añadir a alguien con cuenta
team-everyone-in = Todas las personas con cuenta ya están en el equipo.
team-person = Persona
team-role = Función en el equipo
team-add = Añadir al equipo
team-invite-title = Crear una cuenta y añadirla
team-invite-hint = Recibirá un enlace de un solo uso para que la persona elija su contraseña. Es válido durante { $days ->
    [one] { $days } día
   *[other] { $days } días
}.
team-email = Correo electrónico
team-create-account = Crear la cuenta
team-member-created = { $name } tiene una cuenta y está en el equipo.

team-error-slug-used = ya lo usa otro equipo
team-error-not-a-user = no es un usuario de esta instancia
