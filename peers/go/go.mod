module pokebench/peers/go

go 1.19
