module github.com/nbrunner/nbrunner/clients/go

go 1.19
