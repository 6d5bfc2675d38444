acct-invite-subject = Você foi convidado para { $organization } no Kairos
acct-invite-heading = Junte-se a { $organization }
acct-hello = Olá,
acct-invite-text = Você foi convidado a participar de { $organization } no Kairos, onde vai gerenciar seus compromissos. Abra o link abaixo para escolher seu nome e sua senha.
acct-invite-expiry = O link funciona uma vez e expira em { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }. Se você não esperava este convite, ignore esta mensagem.
acct-invite-button = Aceitar o convite
acct-made-subject = Sua conta em { $organization } no Kairos
acct-made-heading = Escolha sua senha
acct-made-text = Uma conta em { $organization } no Kairos foi criada para você, onde vai gerenciar seus compromissos. Abra o link abaixo para escolher sua senha.
acct-made-expiry = O link funciona uma vez e expira em { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }. Se você não esperava isto, ignore esta mensagem.
acct-made-button = Escolher minha senha
acct-reset-subject = Escolha uma nova senha para { $organization }
acct-reset-heading = Escolher uma nova senha
acct-reset-text = Alguém pediu um link para escolher uma nova senha para sua conta de { $organization } no Kairos. Se foi você, abra o link abaixo: ele funciona uma vez, em até { $minutes } minutos.
acct-reset-not-you = Se não foi você, ignore este e-mail: sua senha continua a mesma.
acct-unlock-subject = O acesso a { $organization } foi pausado
acct-unlock-heading = O acesso foi pausado
acct-unlock-text = Alguém tentou várias vezes entrar na sua conta de { $organization } no Kairos com uma senha ou um código de verificação errados, por isso o acesso está pausado por um tempo. Se não foi você, nada errado foi aceito; pense em trocar sua senha se ela for usada em outro lugar.
acct-unlock-how = Para entrar agora, abra o link abaixo no navegador que deseja usar e confirme. Ele funciona uma vez, em até { $minutes } minutos, e permite que esse navegador entre novamente.
acct-unlock-button = Permitir que meu navegador entre
acct-revoked-subject = Conecte { $provider } novamente
acct-revoked-heading = { $provider } precisa ser conectado novamente
acct-revoked-text = O Kairos não consegue mais acessar a conta { $provider } { $account } de { $host }: o acesso foi revogado ou expirou.
acct-revoked-effect = Até ser conectada novamente, seus eventos não bloqueiam os horários de { $host } e os novos agendamentos não são gravados lá. Os agendamentos continuam normalmente.
acct-revoked-how = { $host } pode conectá-la novamente na página Calendários: a mesma conta mantém suas configurações.
acct-revoked-button = Abrir Calendários
acct-test-subject = Mensagem de teste de { $organization }
acct-test-heading = Mensagem de teste
acct-test-text = Esta é uma mensagem de teste do Kairos. O e-mail está configurado: confirmações, solicitações e alterações de agendamentos serão enviadas deste endereço.
