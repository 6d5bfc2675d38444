team-intro = Agende com um grupo: todos juntos, ou quem estiver livre, em rodízio.
team-empty = Nenhuma equipe ainda
team-empty-admin-text = Crie uma equipe, adicione os membros e dê a ela tipos de evento.
team-empty-text = Um administrador pode adicionar você a uma equipe.
team-member-count = { $count ->
    [one] { $count } membro
   *[other] { $count } membros
}
team-role-admin = Administrador da equipe
team-role-member = Membro
team-open = Abrir
team-new = Nova equipe
team-name = Nome
team-name-placeholder = Recepção
team-slug = Identificador na URL
team-slug-hint = A página da equipe é /team/<identificador>: letras minúsculas, dígitos e -. Se ficar vazio, é criado a partir do nome.
team-create = Criar a equipe
team-new-event-type = Novo tipo de evento da equipe
team-members = Membros
team-disabled = Desativado
team-remove-confirm = Remover { $name } da equipe?
team-remove = Remover
team-event-types = Tipos de evento da equipe
team-no-event-types = Nenhum tipo de evento da equipe
team-no-event-types-text = Crie um: coletivo (todos participam) ou rodízio (quem estiver livre, na sua vez).
team-scheduling-individual = Individual
team-scheduling-collective = Coletivo
team-scheduling-round-robin = Rodízio
team-managing = Gerenciar a equipe
team-managing-text = Os administradores da equipe adicionam e removem membros e alteram os tipos de evento dela. Você vê os agendamentos da equipe em Agendamentos.
team-add-title = Adicionar alguém com conta
team-everyone-in = Todas as pessoas com conta já estão na equipe.
team-person = Pessoa
team-role = Papel na equipe
team-add = Adicionar à equipe
team-invite-title = Criar uma conta e adicioná-la
team-invite-hint = Você recebe um link de uso único para a pessoa escolher a senha dela. Ele vale por { $days ->
    [one] { $days } dia
   *[other] { $days } dias
}.
team-email = E-mail
team-create-account = Criar a conta
team-member-created = { $name } tem uma conta e está na equipe.

team-error-slug-used = já é usado por outra equipe
team-error-not-a-user = não é um usuário desta instância
